// A proposal's body is rich text written by one person and read by others (the mentor, the team):
// it is stored only after sanitize-html has reduced it to a small set of formatting tags, so a
// stored script or event handler can never run in another user's browser. Markdown is turned into
// HTML first and then goes through the same sanitiser. Rendering sanitises again (cheap, and it
// protects against rows written before a rule tightened).
import sanitizeHtml from "sanitize-html";
import { marked } from "marked";

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: ["p", "br", "strong", "b", "em", "i", "u", "s", "h2", "h3", "h4", "ul", "ol", "li", "blockquote", "code", "pre", "a", "hr", "table", "thead", "tbody", "tr", "th", "td"],
  // rel and target are always set by the transform below, whatever the author wrote.
  allowedAttributes: { a: ["href", "title", "rel", "target"] },
  allowedSchemes: ["http", "https", "mailto"],
  allowedSchemesAppliedToAttributes: ["href"],
  allowProtocolRelative: false,
  // Scripts, styles and the like go with their content, not just their tags.
  nonTextTags: ["script", "style", "textarea", "option", "noscript", "iframe", "object", "embed", "template", "svg", "math"],
  transformTags: {
    h1: "h2",
    h5: "h4",
    h6: "h4",
    a: sanitizeHtml.simpleTransform("a", { rel: "noopener noreferrer nofollow", target: "_blank" }),
  },
};

/** The allowed subset of HTML; everything else (scripts, handlers, styles, iframes) is dropped. */
export function sanitizeRichText(html: string): string {
  return sanitizeHtml(html, OPTIONS).trim();
}

/** Markdown (GitHub flavour, single line breaks kept) to sanitised HTML. */
export function markdownToSafeHtml(markdown: string): string {
  const html = marked.parse(markdown, { async: false, gfm: true, breaks: true });
  return sanitizeRichText(html);
}

/** A body as typed (editor HTML or markdown) to what is stored. */
export function toStoredBody(body: string, format: "html" | "markdown"): string {
  if (!body.trim()) return "";
  return format === "markdown" ? markdownToSafeHtml(body) : sanitizeRichText(body);
}

/** Plain text of a stored body, for previews and search-free summaries. */
export function richTextToPlain(html: string): string {
  return sanitizeHtml(html, { allowedTags: [], allowedAttributes: {} }).replace(/\s+/g, " ").trim();
}

/** True when the stored body has no visible text. */
export const isBlankRichText = (html: string) => richTextToPlain(html) === "";
