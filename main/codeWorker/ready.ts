// The worker's first message, posted once its code has loaded and it listens. A worker that fails
// before it could not start at all (a missing or broken file), which is told apart from a crash mid-work.
export const WORKER_READY = 'code-worker:ready';
