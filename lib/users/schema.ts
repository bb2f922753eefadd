import { z } from "zod";
import { ROLES } from "@/lib/auth/policy";

const password = z.string().min(10, "Use at least 10 characters").max(200, "Too long");

export const ZUserCreate = z.object({
  email: z.string().trim().toLowerCase().email("Enter a valid email").max(254),
  name: z.string().trim().min(2, "Name must have at least 2 characters").max(100),
  role: z.enum(ROLES),
  password,
  maxKeyAccounts: z.number().int().min(0).max(1000).nullable().optional(),
});
export type TUserCreate = z.infer<typeof ZUserCreate>;

export const ZUserUpdate = z.object({
  name: z.string().trim().min(2).max(100).optional(),
  role: z.enum(ROLES).optional(),
  active: z.boolean().optional(),
  password: password.optional(),
  maxKeyAccounts: z.number().int().min(0).max(1000).nullable().optional(),
  version: z.number().int().min(1),
});
export type TUserUpdate = z.infer<typeof ZUserUpdate>;
