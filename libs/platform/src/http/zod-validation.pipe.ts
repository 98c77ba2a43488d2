import { BadRequestException, UnprocessableEntityException, type PipeTransform } from '@nestjs/common';
import type { z } from 'zod/v4';
import type { FieldError, ValidationErrorBody } from '@waypoint/contracts';

/** Field messages from a zod failure, with dotted paths (`address.postalCode`). */
export function fieldErrors(error: z.ZodError): FieldError[] {
  return error.issues.map((issue) => {
    let field = issue.path.join('.');
    let message = issue.message;
    if (issue.code === 'unrecognized_keys') {
      field = field || issue.keys.join(',');
      message = `Unknown field${issue.keys.length > 1 ? 's' : ''}: ${issue.keys.join(', ')}`;
    } else if (issue.code === 'invalid_type' && issue.input === undefined) {
      message = 'Required';
    }
    return { field: field || '(body)', message };
  });
}

export function validationError(errors: FieldError[], message = 'The request has invalid fields'): BadRequestException {
  const body: ValidationErrorBody = { statusCode: 400, error: 'Bad Request', message, errors };
  return new BadRequestException(body);
}

/**
 * 422: the request is well-formed but breaks a rule that needs the service's data (unknown
 * program or office, an enrollment without a current determination...). Nothing was written.
 */
export function unprocessable(errors: FieldError[], message = 'The request breaks a rule'): UnprocessableEntityException {
  const body: ValidationErrorBody = { statusCode: 422, error: 'Unprocessable Entity', message, errors };
  return new UnprocessableEntityException(body);
}

/** Parses a body (or query) with a contract schema; 400 with field messages on failure. */
export class ZodValidationPipe<T extends z.ZodType> implements PipeTransform<unknown, z.infer<T>> {
  constructor(private readonly schema: T) {}
  transform(value: unknown): z.infer<T> {
    const result = this.schema.safeParse(value ?? {});
    if (!result.success) throw validationError(fieldErrors(result.error));
    return result.data;
  }
}
