/**
 * The counters behind GLIDE's OpenTelemetry metrics, bumped where the events happen (connection
 * timeouts, cluster redirections and retries). Plain numbers with no imports, so that the lower
 * layers can count without loading anything; exported only while OpenTelemetry's metrics are on.
 */
export const telemetryCounters = {
    timeoutErrors: 0,
    retryAttempts: 0,
    movedErrors: 0,
};
