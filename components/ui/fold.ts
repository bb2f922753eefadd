// How a wide table fits a tablet held upright: below 1024 px a column so marked is hidden, and
// what it held is shown inside a neighbouring cell (industry under the account's name, the
// department under the person's) by an element marked NARROW_ONLY. From 1024 px it is as before.
export const WIDE_COLUMN = "hidden lg:table-cell";
export const NARROW_ONLY = "lg:hidden";
