package ba.refnet.cases.domain;

import ba.refnet.reference.SearchText;

/**
 * A comparison key for names written in Bosnian, Croatian or Serbian, in Latin or Cyrillic script, with or without
 * diacritics: "Čelić", "Celic" and "Челић" all become "celic".
 */
public final class NameKey {

    private NameKey() {
    }

    public static String of(String givenName, String familyName) {
        return SearchText.fold(givenName + " " + familyName);
    }
}
