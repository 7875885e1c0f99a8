package ba.refnet.reporting.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SmallCellsTest {

    private final SmallCells cells = new SmallCells(5);

    private static Map<String, Long> row(long... values) {
        Map<String, Long> row = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            row.put("c" + i, values[i]);
        }
        return row;
    }

    @Test
    void smallCountsAreWithheldZeroAndLargeOnesShown() {
        assertNull(cells.figure(1));
        assertNull(cells.figure(4));
        assertEquals(0L, cells.figure(0));
        assertEquals(5L, cells.figure(5));
    }

    @Test
    void aLoneWithheldCellTakesTheSmallestOtherWithIt() {
        SmallCells.Group g = cells.group(row(3, 12, 7, 0), 22);
        assertNull(g.cells().get("c0"));
        assertNull(g.cells().get("c2"), "7 would give 3 away by subtraction");
        assertEquals(12L, g.cells().get("c1"));
        assertEquals(0L, g.cells().get("c3"));
        assertEquals(22L, g.total());
    }

    @Test
    void twoWithheldCellsProtectEachOther() {
        SmallCells.Group g = cells.group(row(2, 3, 40), 45);
        assertNull(g.cells().get("c0"));
        assertNull(g.cells().get("c1"));
        assertEquals(40L, g.cells().get("c2"));
    }

    @Test
    void aSmallTotalWithholdsTheGroup() {
        SmallCells.Group g = cells.group(row(2, 1, 0), 3);
        assertNull(g.total());
        assertNull(g.cells().get("c0"));
        assertEquals(0L, g.cells().get("c2"));
    }
}
