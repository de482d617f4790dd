/** Every family of cases the differential suite runs. */
import { functionsFamily } from "./functions";
import { scriptingFamily } from "./scripting";
import { serverFamily } from "./server";
import { stringFamily } from "./string";
import type { Family } from "./types";

export const FAMILIES: Family[] = [stringFamily, serverFamily, scriptingFamily, functionsFamily];
