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

/** A full-text field (TEXT): tokenized and stemmed unless `nostem`; `weight` scales its score. */
export type TextField = BaseField & {
    type: "TEXT";
    nostem?: boolean;
    weight?: number;
    withsuffixtrie?: boolean;
    nosuffixtrie?: boolean;
};

/** A tag field (TAG): exact-match values split on `separator` (default ","). */
export type TagField = BaseField & {
    type: "TAG";
    separator?: GlideString;
    caseSensitive?: boolean;
};

/** A numeric field (NUMERIC), for range queries such as `@price:[10 20]`. */
export type NumericField = BaseField & {
    type: "NUMERIC";
};

/** A vector field (VECTOR) for KNN queries, indexed by the algorithm its attributes name. */
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

/** A FLAT (brute-force, exact) vector index. */
export type VectorFieldAttributesFlat = VectorFieldAttributes & {
    algorithm: "FLAT";
};

/** An HNSW (approximate nearest-neighbour graph) vector index and its tuning. */
export type VectorFieldAttributesHnsw = VectorFieldAttributes & {
    algorithm: "HNSW";
    /** M: outgoing edges per node and layer. */
    numberOfEdges?: number;
    /** EF_CONSTRUCTION. */
    vectorsExaminedOnConstruction?: number;
    /** EF_RUNTIME. */
    vectorsExaminedOnRuntime?: number;
};

/** One field of an index schema, for `GlideFt.create`. */
export type Field = TextField | TagField | NumericField | VectorField;

/** FT.CREATE's options: what is indexed (HASH or JSON keys with these prefixes) and how. */
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

/** FT.AGGREGATE's options: fields to load, query settings, and the pipeline of clauses in order. */
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

/** An aggregation clause: keep `count` rows from `offset`. */
export interface FtAggregateLimit {
    type: "LIMIT";
    offset: number;
    count: number;
}

/** An aggregation clause: keep the rows for which the expression holds. */
export interface FtAggregateFilter {
    type: "FILTER";
    expression: GlideString;
}

/** An aggregation clause: group rows by properties, each group reduced by the reducers. */
export interface FtAggregateGroupBy {
    type: "GROUPBY";
    properties: GlideString[];
    reducers: FtAggregateReducer[];
}

/** A reducer of a GROUPBY clause (COUNT, SUM, AVG, …), its arguments, and the name of its result. */
export interface FtAggregateReducer {
    function: string;
    args: GlideString[];
    name?: GlideString;
}

/** An aggregation clause: sort rows by properties, keeping at most `max`. */
export interface FtAggregateSortBy {
    type: "SORTBY";
    properties: FtAggregateSortProperty[];
    max?: number;
}

/** A property of a SORTBY clause and its order. */
export interface FtAggregateSortProperty {
    property: GlideString;
    order: SortOrder;
}

/** An aggregation clause: add a property computed by an expression. */
export interface FtAggregateApply {
    type: "APPLY";
    expression: GlideString;
    name: GlideString;
}

/** FT.SEARCH's options: returned fields, PARAMS (KNN query vectors), sorting, paging, dialect. */
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

/** FT.INFO's options: which nodes report (valkey-search in cluster mode). */
export interface FtInfoOptions {
    scope?: "LOCAL" | "PRIMARY" | "CLUSTER";
    shardScope?: "ALLSHARDS" | "SOMESHARDS";
    consistency?: "CONSISTENT" | "INCONSISTENT";
}
