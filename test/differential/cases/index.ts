/** Every family of cases the differential suite runs. */
import { hashFamily } from "./hash";
import { setFamily } from "./set";
import { stringFamily } from "./string";
import type { Family } from "./types";

export const FAMILIES: Family[] = [stringFamily, hashFamily, setFamily];
