/** Every family of cases the differential suite runs. */
import { genericFamily } from "./generic";
import { listFamily } from "./list";
import { sortedSetFamily } from "./sorted-set";
import { stringFamily } from "./string";
import type { Family } from "./types";

export const FAMILIES: Family[] = [stringFamily, genericFamily, listFamily, sortedSetFamily];
