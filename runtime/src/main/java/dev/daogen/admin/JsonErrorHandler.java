package dev.daogen.admin;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/** Jetty's own refusals (bad framing, oversized headers, timeouts) as JSON with the status's fixed message. */
final class JsonErrorHandler extends ErrorHandler {
  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    int status = response.getStatus();
    if (request.getAttribute(ERROR_EXCEPTION) instanceof HttpException e) {
      status = e.getCode();
    }
    if (status == HttpStatus.HTTP_VERSION_NOT_SUPPORTED_505) {
      // an HTTP/0.9 or unknown version request line is a malformed HTTP/1.1 request, not a server failure
      status = HttpStatus.BAD_REQUEST_400;
    }
    response.setStatus(status);
    if (!request.getConnectionMetaData().isPersistent()) {
      // Jetty closes the connection after this response (e.g. a request line it could not parse, such as a path
      // escaping the root: it answers that as an HTTP/1.0 exchange, whose generator omits the header), so say so:
      // an HTTP/1.1 client that is not told would send its next request on the closing connection and lose it
      response.getHeaders().put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE);
    }
    if (HttpStatus.hasNoBody(status)) {
      callback.succeeded();
      return true;
    }
    response.getHeaders().put(JettyAdminServer.JSON_TYPE);
    response.write(true, ByteBuffer.wrap(body(status)), callback);
    return true;
  }

  private static byte[] body(int status) {
    // the standard reason phrases are plain ASCII words: nothing to escape
    return ("{\"message\":\"" + HttpStatus.getMessage(status) + "\"}").getBytes(StandardCharsets.US_ASCII);
  }
}
