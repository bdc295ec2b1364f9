/** A data file under knowledge/complaints is missing or malformed: start-up stops with its name. */
export class ComplaintDataError extends Error {
  override readonly name = 'ComplaintDataError';
}

/** A complaint operation was refused: unknown reference, a transition the lifecycle forbids, bad input. */
export class ComplaintRequestError extends Error {
  override readonly name = 'ComplaintRequestError';
  constructor(
    message: string,
    readonly code: 'not_found' | 'invalid_transition' | 'invalid_input',
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** Reading or writing complaints in the database failed. */
export class ComplaintStorageError extends Error {
  override readonly name = 'ComplaintStorageError';
}
