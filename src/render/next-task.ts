/**
 * Runs `callback` in a new task. A message rather than a timer: timers in
 * background tabs are throttled to once a second, messages are not, and a
 * message is not clamped to 4 ms after a few nested calls.
 */
export function queueTask(callback: () => void): void {
  const channel = new MessageChannel();
  channel.port1.onmessage = () => {
    channel.port1.close();
    callback();
  };
  channel.port2.postMessage(null);
}

/** Resolves in a new task: lets the browser paint and handle input in between steps of work. */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => queueTask(resolve));
}
