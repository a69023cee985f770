package cn.hbce.emulator.sfn.errors;

/** An API error answered as {@code {"__type": type, "message": message}} with HTTP 400. */
public class ServiceError extends RuntimeException {

    private final String type;

    public ServiceError(String type, String message) {
        super(message, null, false, false);
        this.type = type;
    }

    public String type() {
        return type;
    }
}
