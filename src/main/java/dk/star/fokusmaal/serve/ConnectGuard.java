package dk.star.fokusmaal.serve;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.connect.proto.ConfigRequest;
import org.sparkproject.connect.grpc.ForwardingServerCallListener;
import org.sparkproject.connect.grpc.Metadata;
import org.sparkproject.connect.grpc.ServerCall;
import org.sparkproject.connect.grpc.ServerCallHandler;
import org.sparkproject.connect.grpc.ServerInterceptor;
import org.sparkproject.connect.grpc.Status;
import org.sparkproject.connect.protobuf.Descriptors.FieldDescriptor;
import org.sparkproject.connect.protobuf.Message;

/**
 * The serving endpoint's gRPC interceptor ({@code spark.connect.grpc.interceptor.classes}): what
 * {@link ReadOnlyGuard} cannot see because it never becomes a plan. It refuses artifact uploads
 * (jars and class files a client sends to run its own code on the server), any request that
 * carries a user-defined function or data source, and a client's setting of {@code
 * spark.sql.catalog.*} (which would define a catalog).
 */
public final class ConnectGuard implements ServerInterceptor {
  private static final String SERVICE = "spark.connect.SparkConnectService/";

  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(
      ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
    String method = call.getMethodDescriptor().getFullMethodName();
    if (method.equals(SERVICE + "AddArtifacts") || method.equals(SERVICE + "ArtifactStatus")) {
      call.close(denied("no artifact uploads (jars, classes, files)"), new Metadata());
      return new ServerCall.Listener<Q>() {};
    }
    ServerCall.Listener<Q> listener = next.startCall(call, headers);
    return new ForwardingServerCallListener.SimpleForwardingServerCallListener<Q>(listener) {
      private boolean closed;

      @Override
      public void onMessage(Q message) {
        if (closed) return;
        String why = refusal(message);
        if (why != null) {
          closed = true;
          call.close(denied(why), new Metadata());
          return;
        }
        super.onMessage(message);
      }

      @Override
      public void onHalfClose() {
        if (!closed) super.onHalfClose();
      }

      @Override
      public void onReady() {
        if (!closed) super.onReady();
      }
    };
  }

  private static Status denied(String why) {
    return Status.PERMISSION_DENIED.withDescription(
        "fokusmaal serve is read-only and serves only its tables by name: " + why);
  }

  /** Why the request is refused, or null. */
  static String refusal(Object message) {
    if (message instanceof ConfigRequest c && c.getOperation().hasSet()) {
      for (var pair : c.getOperation().getSet().getPairsList()) {
        if (pair.getKey().toLowerCase(Locale.ROOT).startsWith("spark.sql.catalog")) {
          return "no catalogs defined by a client (" + pair.getKey() + ")";
        }
      }
    }
    if (message instanceof Message m) {
      String udf = userCode(m);
      if (udf != null) return "no code from the client (" + udf + ")";
    }
    return null;
  }

  /** The first user-defined function or data source message inside {@code m}, or null. */
  private static String userCode(Message m) {
    String type = m.getDescriptorForType().getName();
    if (type.contains("UDF") || type.contains("UserDefined") || type.contains("PythonDataSource")) {
      return type;
    }
    for (Map.Entry<FieldDescriptor, Object> f : m.getAllFields().entrySet()) {
      if (f.getKey().getJavaType() != FieldDescriptor.JavaType.MESSAGE) continue;
      List<?> values = f.getKey().isRepeated() ? (List<?>) f.getValue() : List.of(f.getValue());
      for (Object v : values) {
        String found = userCode((Message) v);
        if (found != null) return found;
      }
    }
    return null;
  }
}
