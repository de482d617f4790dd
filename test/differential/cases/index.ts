/** Every family of cases the differential suite runs. */
import { stringFamily } from "./string";
import type { Family } from "./types";

export const FAMILIES: Family[] = [stringFamily];
