package dev.agentteam.orchestrator.api;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;

/**
 * Tomcat's last word on an error no servlet answered: requests it refuses itself (a {@code %00} or {@code %2F}
 * in the path, TRACE, an unparsable request line). Under {@code /api/} that is a problem document; elsewhere
 * Tomcat's own page without server details or stack traces.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorReportValve.class);

    public ProblemErrorReportValve() {
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !ProblemResponses.isApi(request)) {
            super.report(request, response, throwable);
            return;
        }
        if (!response.setErrorReported()) {
            return;
        }
        try {
            response.setSuspended(false);
            response.resetBuffer();
            ProblemResponses.write(response, status, detail(status));
        } catch (IOException | IllegalStateException e) {
            log.debug("Could not write the problem document of a refused request", e);
        }
    }

    private static String detail(int status) {
        return switch (status) {
            case 400 -> "The request could not be parsed: its path or request line is malformed "
                    + "(encoded NUL or slash characters are not allowed in paths).";
            case 405 -> "This method is not allowed here.";
            case 501 -> "This method is not implemented.";
            default -> "The request was refused.";
        };
    }
}
