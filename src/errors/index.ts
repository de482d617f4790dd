export * from "./classes";
export { serverError, serverErrorText } from "./server-error";
export { closedClientError } from "./closed-client";
export { rejectionWithCallerStack } from "./caller-stack";
