export * from "./classes";
export { serverError, serverErrorText } from "./server-error";
