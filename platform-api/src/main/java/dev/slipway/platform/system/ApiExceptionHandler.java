package dev.slipway.platform.system;

import dev.slipway.platform.deployment.DeploymentNotCancellableException;
import dev.slipway.platform.deployment.DeploymentNotFoundException;
import dev.slipway.platform.deployment.NothingToRollBackException;
import dev.slipway.platform.service.ServiceAlreadyExistsException;
import dev.slipway.platform.service.ServiceName.InvalidServiceNameException;
import dev.slipway.platform.service.ServiceNotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Turns Slipway's errors into {@code application/problem+json} answers, each with its status. */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    @ExceptionHandler({ServiceNotFoundException.class, DeploymentNotFoundException.class})
    ProblemDetail notFound(RuntimeException e) {
        return problem(HttpStatus.NOT_FOUND, e);
    }

    @ExceptionHandler({InvalidServiceNameException.class, InvalidRequestException.class})
    ProblemDetail badRequest(RuntimeException e) {
        return problem(HttpStatus.BAD_REQUEST, e);
    }

    @ExceptionHandler({ServiceAlreadyExistsException.class, NothingToRollBackException.class,
            ConflictException.class, DeploymentNotCancellableException.class})
    ProblemDetail conflict(RuntimeException e) {
        return problem(HttpStatus.CONFLICT, e);
    }

    private static ProblemDetail problem(HttpStatus status, RuntimeException e) {
        return ProblemDetail.forStatusAndDetail(status, e.getMessage());
    }
}
