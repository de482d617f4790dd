/** Every family of cases the differential suite runs. */
import { genericFamily } from "./generic";
import { hashFamily } from "./hash";
import { listFamily } from "./list";
import { setFamily } from "./set";
import { sortedSetFamily } from "./sorted-set";
import { stringFamily } from "./string";
import type { Family } from "./types";

export const FAMILIES: Family[] = [stringFamily, genericFamily, hashFamily, setFamily, listFamily, sortedSetFamily];
