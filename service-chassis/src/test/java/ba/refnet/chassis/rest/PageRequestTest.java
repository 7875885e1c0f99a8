package ba.refnet.chassis.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ba.refnet.chassis.errors.InvalidInputException;
import org.junit.jupiter.api.Test;

class PageRequestTest {

    @Test
    void missingValuesTakeTheFirstPageOfTheDefaultSize() {
        assertEquals(new PageRequest(0, PageRequest.DEFAULT_SIZE), PageRequest.of(null, null));
        assertEquals(40, PageRequest.of(2, null).offset());
    }

    @Test
    void theLastPageWithinTheDepthIsAllowedAndTheNextIsNot() {
        assertEquals(9_900, new PageRequest(99, 100).offset());
        assertEquals(9_980, new PageRequest(499, 20).offset());
        InvalidInputException tooDeep = assertThrows(InvalidInputException.class, () -> new PageRequest(100, 100));
        assertEquals("goes past the first 10000 items of the list; narrow it with its filters",
                tooDeep.violations().get(0).message());
        assertThrows(InvalidInputException.class, () -> new PageRequest(500, 20));
        assertThrows(InvalidInputException.class, () -> new PageRequest(Integer.MAX_VALUE, 100));
    }

    @Test
    void negativePagesAndSizesOutOfRangeAreRefused() {
        assertThrows(InvalidInputException.class, () -> new PageRequest(-1, 20));
        assertThrows(InvalidInputException.class, () -> new PageRequest(0, 0));
        assertThrows(InvalidInputException.class, () -> new PageRequest(0, PageRequest.MAX_SIZE + 1));
    }
}
