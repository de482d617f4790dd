/**
 * The one list of differences from GLIDE 2.5.2 that the differential suite accepts, each with its
 * reason: a GLIDE bug we do not reproduce, or a deliberate improvement the README documents.
 * Anything else that differs fails the suite; an entry that no longer matches a difference fails it too.
 */
import type { CaseMode } from "./cases/types";
import type { Config } from "./harness/environment";

export interface AcceptedDifference {
    /** The case id (`method: title`), or `method: *` for every case of a method. */
    id: string;
    /** Where it differs; everywhere when absent. */
    where?: { cluster?: boolean; protocol?: Config["protocol"]; decoder?: Config["decoder"]; modes?: readonly CaseMode[] };
    kind: "GLIDE bug" | "improvement";
    reason: string;
}

export const ACCEPTED_CALL_DIFFERENCES: AcceptedDifference[] = [];

/**
 * Names GLIDE's index exports at run time that glide-ts does not, each with why. GLIDE's request
 * builders (`create*`) build its protobuf requests for the Rust core and are matched by a pattern.
 */
export const ACCEPTED_MISSING_EXPORTS: { pattern: RegExp; reason: string }[] = [];

export function acceptedFor(id: string, method: string, config: Config, mode: CaseMode): AcceptedDifference | undefined {
    return ACCEPTED_CALL_DIFFERENCES.find(
        (entry) =>
            (entry.id === id || entry.id === `${method}: *`) &&
            (entry.where?.cluster === undefined || entry.where.cluster === config.cluster) &&
            (entry.where?.protocol === undefined || entry.where.protocol === config.protocol) &&
            (entry.where?.decoder === undefined || entry.where.decoder === config.decoder) &&
            (entry.where?.modes === undefined || entry.where.modes.includes(mode)),
    );
}
