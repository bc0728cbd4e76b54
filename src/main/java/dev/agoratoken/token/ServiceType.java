package dev.agoratoken.token;

/** The AccessToken2 service types, with their wire ids. */
public enum ServiceType {
    RTC(1),
    RTM(2),
    STREAMING(3),
    FPA(4),
    CHAT(5),
    FCDN(6),
    APAAS(7);

    private final int id;

    ServiceType(int id) {
        this.id = id;
    }

    public int id() {
        return id;
    }
}
