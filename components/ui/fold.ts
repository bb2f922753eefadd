// How a wide table fits a tablet held upright: below 1024 px a column so marked is hidden, and
// what it held is shown inside a neighbouring cell (industry under the account's name, the
// department under the person's) by an element marked NARROW_ONLY. From 1024 px it is as before.
export const WIDE_COLUMN = "hidden lg:table-cell";
export const NARROW_ONLY = "lg:hidden";

// On a phone (below 640 px) the accounts list, the ranking, the dashboard's drill-down and the
// plan's figures fold further: a column marked
// PHONE_COLUMN is hidden, and what it held is shown in a neighbouring cell (the manager under the
// account's name) by an element marked PHONE_ONLY.
export const PHONE_COLUMN = "hidden sm:table-cell";
export const PHONE_ONLY = "sm:hidden";
