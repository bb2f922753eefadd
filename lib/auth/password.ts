import bcrypt from "bcryptjs";

// Cost 12: about 250 ms per hash on our machines; slows offline guessing, fine for sign-in.
export const BCRYPT_COST = Number(process.env.BCRYPT_COST ?? 12);

export const hashPassword = (plain: string, cost = BCRYPT_COST) => bcrypt.hash(plain, cost);
export const verifyPassword = (plain: string, hash: string) => bcrypt.compare(plain, hash);
