"use client";

import { useEffect } from "react";

/**
 * Sets the tab's title from the client, for a view whose metadata Next.js does not render: a
 * not-found page thrown from a layout is drawn by the browser from the page's data, and the head
 * keeps the root title ("Keystone").
 */
export function DocumentTitle({ title }: { title: string }) {
  useEffect(() => {
    document.title = title;
  }, [title]);
  return null;
}
