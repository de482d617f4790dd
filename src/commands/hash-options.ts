/** Option types and enums of the hash commands (as in GLIDE's API). */
import type { BaseScanOptions, TimeUnit } from "./options";
import type { GlideString, HashDataType } from "./types";

/** HSCAN's options: those of every scan, plus leaving the values out. */
export type HScanOptions = BaseScanOptions & {
    /** Only the field names, without their values (NOVALUES). */
    readonly noValues?: boolean;
};

/** HSETEX's FNX / FXX: set the fields only if none, or all, of them exist already. */
export enum HashFieldConditionalChange {
    ONLY_IF_ALL_EXIST = "FXX",
    ONLY_IF_NONE_EXIST = "FNX",
}

/** An expiry to set, or KEEPTTL to keep the one there is. */
export type ExpirySet = { type: TimeUnit; count: number } | "KEEPTTL";

/** The expiry HSETEX gives the fields, or KEEPTTL to keep theirs. */
export type HSetExExpiry = { type: TimeUnit; count: number } | "KEEPTTL";

/** The expiry HGETEX gives the fields, or PERSIST to remove theirs. */
export type HGetExExpiry = { type: TimeUnit; count: number } | "PERSIST";

/** HSETEX's options: a condition on the fields' existence and their expiry. */
export interface HSetExOptions {
    fieldConditionalChange?: HashFieldConditionalChange;
    expiry?: HSetExExpiry;
}

/** HGETEX's options: the expiry to give the fields read. */
export interface HGetExOptions {
    expiry?: HGetExExpiry;
}

/** The condition of HEXPIRE and its siblings (NX, XX, GT, LT). */
export enum HashExpirationCondition {
    ONLY_IF_NO_EXPIRY = "NX",
    ONLY_IF_HAS_EXPIRY = "XX",
    ONLY_IF_GREATER_THAN_CURRENT = "GT",
    ONLY_IF_LESS_THAN_CURRENT = "LT",
}

/** HEXPIRE's options: when to change each field's expiry. */
export interface HExpireOptions {
    condition?: HashExpirationCondition;
}

/** Field/value pairs as `HashDataType`, whether given as a plain object or already as `HashDataType`. */
export function convertFieldsAndValuesToHashDataType(
    fieldsAndValues: HashDataType | Record<string, GlideString>,
): HashDataType {
    if (Array.isArray(fieldsAndValues)) return fieldsAndValues;
    return Object.entries(fieldsAndValues).map(([field, value]) => ({ field, value }));
}
