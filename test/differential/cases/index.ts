/** Every family of cases the differential suite runs. */
import { listFamily } from "./list";
import { sortedSetFamily } from "./sorted-set";
import { stringFamily } from "./string";
import type { Family } from "./types";

export const FAMILIES: Family[] = [stringFamily, listFamily, sortedSetFamily];
