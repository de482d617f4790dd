/** Every family of cases the differential suite runs. */
import { batchFamily } from "./batch";
import { bitmapFamily } from "./bitmap";
import { clientFamily } from "./client";
import { functionsFamily } from "./functions";
import { genericFamily } from "./generic";
import { geoFamily } from "./geo";
import { hashFamily } from "./hash";
import { hyperloglogFamily } from "./hyperloglog";
import { listFamily } from "./list";
import { pubsubFamily } from "./pubsub";
import { scriptingFamily } from "./scripting";
import { serverFamily } from "./server";
import { setFamily } from "./set";
import { sortedSetFamily } from "./sorted-set";
import { streamFamily } from "./stream";
import { stringFamily } from "./string";
import type { Family } from "./types";

export const FAMILIES: Family[] = [
    stringFamily,
    genericFamily,
    hashFamily,
    setFamily,
    listFamily,
    sortedSetFamily,
    streamFamily,
    bitmapFamily,
    hyperloglogFamily,
    geoFamily,
    serverFamily,
    scriptingFamily,
    functionsFamily,
    pubsubFamily,
    batchFamily,
    clientFamily,
];
