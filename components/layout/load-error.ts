/** What both error pages say: the same words inside the signed-in frame and standing alone. */
export const LOAD_ERROR_TITLE = "This page could not be loaded";

export const loadErrorText = (digest?: string) =>
  `Something went wrong on our side${digest ? ` (reference ${digest})` : ""}. If the database is restarting, trying again in a few seconds usually helps.`;
