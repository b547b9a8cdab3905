package dev.daogen.admin;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.daogen.internal.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;

/**
 * Where the admin API writes its JSON bodies: one Jackson generator per thread, kept for the next response. Making a
 * generator (its contexts, buffers taken from and given back to the recycler) cost more than writing an item with it;
 * a kept one writes each body as a new root value into a cleared buffer.
 *
 * <p>Use: {@code try (JsonOutput out = JsonOutput.open()) { write to out.generator(); return out.finish(); }}. A body
 * that fails, or leaves an object or array open, takes the generator with it (the next body gets a new one); a
 * buffer grown past {@link #KEEP_BYTES} by a large list is not kept either.
 */
final class JsonOutput implements AutoCloseable {
  /** The largest buffer a thread keeps between responses. */
  static final int KEEP_BYTES = 64 * 1024;
  private static final ThreadLocal<JsonOutput> LOCAL = ThreadLocal.withInitial(JsonOutput::new);

  private final Sink sink = new Sink();
  private JsonGenerator generator;
  private boolean open;
  private boolean finished;

  private JsonOutput() {}

  /** This thread's output, cleared; a new one when this thread's is in use (a body written while writing one). */
  static JsonOutput open() {
    JsonOutput out = LOCAL.get();
    if (out.open) {
      out = new JsonOutput();
    }
    out.open = true;
    out.finished = false;
    out.sink.size = 0;
    return out;
  }

  /** The generator to write one value with. */
  JsonGenerator generator() {
    if (generator == null) {
      try {
        generator = Json.FACTORY.createGenerator(sink);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      // values follow one another in the buffer, which is cleared in between: no separator before the next one
      generator.setRootValueSeparator(null);
    }
    return generator;
  }

  /** The bytes written so far (flushing the generator). */
  int size() throws IOException {
    if (generator != null) {
      generator.flush();
    }
    return sink.size;
  }

  /** The body written: the generator's value, complete. */
  byte[] finish() throws IOException {
    JsonGenerator g = generator();
    if (g.getOutputContext().inRoot()) {
      g.flush();
    } else {
      // an object or array left open: closing the generator ends them, as a generator of its own would have
      g.close();
      generator = null;
    }
    finished = true;
    return Arrays.copyOf(sink.bytes, sink.size);
  }

  @Override
  public void close() {
    if (!finished) {
      // the body failed half-way: its generator's state is unknown
      generator = null;
    }
    if (sink.bytes.length > KEEP_BYTES) {
      sink.bytes = new byte[Sink.INITIAL];
    }
    open = false;
  }

  /** A growable byte array without ByteArrayOutputStream's locking; cleared by setting {@code size}. */
  private static final class Sink extends OutputStream {
    static final int INITIAL = 1024;
    byte[] bytes = new byte[INITIAL];
    int size;

    @Override
    public void write(int b) {
      ensure(1);
      bytes[size++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      ensure(len);
      System.arraycopy(b, off, bytes, size, len);
      size += len;
    }

    private void ensure(int more) {
      if (size + more > bytes.length) {
        bytes = Arrays.copyOf(bytes, Math.max(size + more, 2 * bytes.length));
      }
    }
  }
}
