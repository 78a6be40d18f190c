type ServerError = {
  status?: number;
  response?: { data?: { error?: { message?: string; details?: { errors?: Array<{ path?: string[]; message?: string }> } } } };
};

/** The message the server put in its error body (ValidationError says what to fix), else a generic one. */
export const errorMessage = (error: unknown): string => {
  const body = (error as ServerError)?.response?.data;
  return body?.error?.message ?? (error as Error)?.message ?? 'Something went wrong';
};

/** The server's message about one input field (`details.errors[].path[0]`), if it named that field. */
export const fieldErrorMessage = (error: unknown, field: string): string | undefined =>
  (error as ServerError)?.response?.data?.error?.details?.errors?.find((e) => e.path?.[0] === field)?.message;
