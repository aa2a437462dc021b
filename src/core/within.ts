/** `promise`, or the error `late` makes once `ms` have passed; the timer never keeps the process alive. */
export async function within<T>(promise: Promise<T>, ms: number, late: () => Error = () => new Error('timeout')): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(late()), ms).unref()));
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
