/** Every family of cases the differential suite runs. */
import { genericFamily } from "./generic";
import { stringFamily } from "./string";
import type { Family } from "./types";

export const FAMILIES: Family[] = [stringFamily, genericFamily];
