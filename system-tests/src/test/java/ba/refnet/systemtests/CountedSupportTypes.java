package ba.refnet.systemtests;

/**
 * Every system test class runs against one shared platform, so a test that checks exact report figures counts a
 * support type no other test refers to. They are kept here, side by side, so that two tests never take the same one.
 */
final class CountedSupportTypes {

    /** For tests that count nothing in the reports. */
    static final String UNCOUNTED = "educational.preschool";
    static final String FIRST_ACCEPTANCE = "legal_aid";
    static final String ACCEPTANCE_AFTER_RESTART = "economic.employment";
    static final String PROTOCOL_LOOP = "health.mental_health";
    static final String WEB_DASHBOARD = "psychosocial.counselling";
    static final String SCALE_OUT = "psychosocial.psychotherapy";

    private CountedSupportTypes() {
    }
}
