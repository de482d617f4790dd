/**
 * The Search module's option types, with GLIDE 2.5.2's names and shapes: index fields for
 * FT.CREATE, and the options of FT.CREATE, FT.SEARCH, FT.AGGREGATE and FT.INFO.
 */
import type { SortOrder } from "../../commands/options";
import type { GlideRecord, GlideString } from "../../commands/types";

interface BaseField {
    /** The hash field, or the JSON path, that is indexed. */
    name: GlideString;
    /** The name queries use for it (AS). */
    alias?: GlideString;
    sortable?: boolean;
}

export type TextField = BaseField & {
    type: "TEXT";
    nostem?: boolean;
    weight?: number;
    withsuffixtrie?: boolean;
    nosuffixtrie?: boolean;
};

export type TagField = BaseField & {
    type: "TAG";
    separator?: GlideString;
    caseSensitive?: boolean;
};

export type NumericField = BaseField & {
    type: "NUMERIC";
};

export type VectorField = BaseField & {
    type: "VECTOR";
    attributes: VectorFieldAttributesFlat | VectorFieldAttributesHnsw;
};

interface VectorFieldAttributes {
    dimensions: number;
    distanceMetric: "L2" | "IP" | "COSINE";
    /** Only FLOAT32 exists; it is sent whether given or not. */
    type?: "FLOAT32";
    initialCap?: number;
}

export type VectorFieldAttributesFlat = VectorFieldAttributes & {
    algorithm: "FLAT";
};

export type VectorFieldAttributesHnsw = VectorFieldAttributes & {
    algorithm: "HNSW";
    /** M: outgoing edges per node and layer. */
    numberOfEdges?: number;
    /** EF_CONSTRUCTION. */
    vectorsExaminedOnConstruction?: number;
    /** EF_RUNTIME. */
    vectorsExaminedOnRuntime?: number;
};

export type Field = TextField | TagField | NumericField | VectorField;

export interface FtCreateOptions {
    dataType: "JSON" | "HASH";
    prefixes?: GlideString[];
    score?: number;
    language?: string;
    skipInitialScan?: boolean;
    minStemSize?: number;
    withOffsets?: boolean;
    noOffsets?: boolean;
    noStopWords?: boolean;
    stopWords?: GlideString[];
    punctuation?: GlideString;
}

export type FtAggregateOptions = {
    timeout?: number;
    clauses?: (FtAggregateLimit | FtAggregateFilter | FtAggregateGroupBy | FtAggregateSortBy | FtAggregateApply)[];
    params?: GlideRecord<GlideString>;
    verbatim?: boolean;
    inorder?: boolean;
    slop?: number;
    dialect?: number;
} & (
    | {
          loadFields?: GlideString[];
          loadAll?: never;
      }
    | {
          loadAll?: boolean;
          loadFields?: never;
      }
);

export interface FtAggregateLimit {
    type: "LIMIT";
    offset: number;
    count: number;
}

export interface FtAggregateFilter {
    type: "FILTER";
    expression: GlideString;
}

export interface FtAggregateGroupBy {
    type: "GROUPBY";
    properties: GlideString[];
    reducers: FtAggregateReducer[];
}

export interface FtAggregateReducer {
    function: string;
    args: GlideString[];
    name?: GlideString;
}

export interface FtAggregateSortBy {
    type: "SORTBY";
    properties: FtAggregateSortProperty[];
    max?: number;
}

export interface FtAggregateSortProperty {
    property: GlideString;
    order: SortOrder;
}

export interface FtAggregateApply {
    type: "APPLY";
    expression: GlideString;
    name: GlideString;
}

export type FtSearchOptions = {
    timeout?: number;
    returnFields?: {
        fieldIdentifier: GlideString;
        alias?: GlideString;
    }[];
    params?: GlideRecord<GlideString>;
    nocontent?: boolean;
    dialect?: number;
    verbatim?: boolean;
    inorder?: boolean;
    slop?: number;
    sortby?: GlideString;
    sortbyOrder?: SortOrder | "ASC" | "DESC";
    withsortkeys?: boolean;
    shardScope?: "ALLSHARDS" | "SOMESHARDS";
    consistency?: "CONSISTENT" | "INCONSISTENT";
} & (
    | {
          limit?: {
              offset: number;
              count: number;
          };
          count?: never;
      }
    | {
          /** Only the number of matches (valkey-search's COUNT). */
          count?: boolean;
          limit?: never;
      }
);

export interface FtInfoOptions {
    scope?: "LOCAL" | "PRIMARY" | "CLUSTER";
    shardScope?: "ALLSHARDS" | "SOMESHARDS";
    consistency?: "CONSISTENT" | "INCONSISTENT";
}
