/** Error details, as in the Spotify Web API plus a machine-readable reason and the request id. */
export class ErrorDetailDto {
  /** The HTTP status code, repeated in the body. */
  status: number;
  /** What went wrong, for a developer to read. */
  message: string;
  /** A stable machine-readable code such as `NOT_FOUND`, `BAD_REQUEST` or `NO_ACTIVE_DEVICE`. */
  reason?: string;
  /** The request id, also sent in the `x-request-id` header; quote it when reporting a problem. */
  request_id?: string;
}

export class ErrorResponseDto {
  error: ErrorDetailDto;
}
