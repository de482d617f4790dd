/** Every family of cases the differential suite runs. */
import { bitmapFamily } from "./bitmap";
import { geoFamily } from "./geo";
import { hyperloglogFamily } from "./hyperloglog";
import { streamFamily } from "./stream";
import { stringFamily } from "./string";
import type { Family } from "./types";

export const FAMILIES: Family[] = [stringFamily, streamFamily, bitmapFamily, hyperloglogFamily, geoFamily];
