package ba.refnet.cases.domain;

/** How to reach the household. Personal data: never in events or logs. */
public record Contact(String phone, String email, String address) {

    public static final Contact NONE = new Contact(null, null, null);
}
