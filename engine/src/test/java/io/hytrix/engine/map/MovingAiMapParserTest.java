package io.hytrix.engine.map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MovingAiMapParserTest
{
    private static final String HEADER_3X2 = "type octile\nheight 2\nwidth 3\nmap\n";

    @Test
    void parsesPassabilityAndDimensions()
    {
        final GridMap map = TestMaps.parse("t.map", "type octile\nheight 3\nwidth 4\nmap\n.G@S\nTW..\n@@@.\n");

        assertThat(map.name()).isEqualTo("t.map");
        assertThat(map.width()).isEqualTo(4);
        assertThat(map.height()).isEqualTo(3);
        assertThat(map.tileCount()).isEqualTo(12);
        assertThat(map.passableCount()).isEqualTo(6);
        assertThat(map.passable(0, 0)).isTrue();
        assertThat(map.passable(1, 0)).isTrue();
        assertThat(map.passable(2, 0)).isFalse();
        assertThat(map.passable(3, 0)).isTrue();
        assertThat(map.passable(0, 1)).isFalse();
        assertThat(map.passable(1, 1)).isFalse();
        assertThat(map.passable(3, 2)).isTrue();
        assertThat(map.passableTile(map.tile(2, 1))).isTrue();
    }

    @Test
    void anyOtherGlyphIsBlockedNotAnError()
    {
        final GridMap map = TestMaps.parse("t.map", HEADER_3X2 + "x#~\n. g\n");

        assertThat(map.passableCount()).isEqualTo(1);
        assertThat(map.passable(0, 1)).isTrue();
    }

    @Test
    void toleratesCrlfAndTrailingBlankLines()
    {
        final GridMap unix = TestMaps.parse("t.map", HEADER_3X2 + ".@.\n...\n");
        final GridMap dos = TestMaps.parse("t.map", (HEADER_3X2 + ".@.\n...\n").replace("\n", "\r\n") + "\r\n\n  \n");

        assertThat(dos.contentHash()).isEqualTo(unix.contentHash());
        assertThat(dos.passableCount()).isEqualTo(5);
    }

    @Test
    void toleratesMissingFinalNewline()
    {
        assertThat(TestMaps.parse("t.map", HEADER_3X2 + ".@.\n...").passableCount()).isEqualTo(5);
    }

    @Test
    void loadsEveryShippedMap()
    {
        final GridMap arena = TestMaps.load("arena.map");
        assertThat(arena.width()).isEqualTo(49);
        assertThat(arena.height()).isEqualTo(49);

        final GridMap brc = TestMaps.load("brc202d.map");
        assertThat(brc.width()).isEqualTo(530);
        assertThat(brc.height()).isEqualTo(481);

        assertThat(TestMaps.load("plaza.map").width()).isEqualTo(32);
        assertThat(TestMaps.load("islands.map").width()).isEqualTo(48);
        for (final String name : new String[] {"arena2.map", "den312d.map", "lak303d.map", "maze512-1-0.map", "random512-10-0.map"})
        {
            assertThat(TestMaps.load(name).passableCount()).as(name).isPositive();
        }
    }

    @Test
    void misspelledHeaderNamesLineAndContent()
    {
        assertThatThrownBy(() -> TestMaps.parse("arena.map", "type octile\nheight 49\nwdth 49\nmap\n"))
            .isInstanceOf(MapFormatException.class)
            .hasMessage("arena.map:3: expected 'width <n>' but found 'wdth 49'");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        empty input               | ''                                                  | t.map:1: expected 'type octile' but the input ended
        wrong type                | 'type tile\\n'                                      | t.map:1: expected 'type octile' but found 'type tile'
        leading blank line        | '\\ntype octile\\n'                                 | t.map:1: expected 'type octile' but found ''
        height missing            | 'type octile\\n'                                    | t.map:2: expected 'height <n>' but the input ended
        width before height       | 'type octile\\nwidth 3\\nheight 2\\n'               | t.map:2: expected 'height <n>' but found 'width 3'
        height not a number       | 'type octile\\nheight two\\n'                       | t.map:2: expected 'height <n>' but found 'height two'
        height negative           | 'type octile\\nheight -2\\n'                        | t.map:2: expected 'height <n>' but found 'height -2'
        height double space       | 'type octile\\nheight  2\\n'                        | t.map:2: expected 'height <n>' but found 'height  2'
        height huge               | 'type octile\\nheight 99999999999\\n'               | t.map:2: expected 'height <n>' but found 'height 99999999999'
        height zero               | 'type octile\\nheight 0\\n'                         | t.map:2: height 0 is out of range, must be 1..4096
        width too big             | 'type octile\\nheight 2\\nwidth 4097\\n'            | t.map:3: width 4097 is out of range, must be 1..4096
        map keyword missing       | 'type octile\\nheight 2\\nwidth 3\\n...\\n'         | t.map:4: expected 'map' but found '...'
        map keyword absent at end | 'type octile\\nheight 2\\nwidth 3\\n'               | t.map:4: expected 'map' but the input ended
        short row                 | 'type octile\\nheight 2\\nwidth 3\\nmap\\n...\\n..\\n'   | t.map:6: map row 1 has 2 characters, expected 3
        long row                  | 'type octile\\nheight 2\\nwidth 3\\nmap\\n....\\n...\\n' | t.map:5: map row 0 has 4 characters, expected 3
        missing rows              | 'type octile\\nheight 2\\nwidth 3\\nmap\\n...\\n'        | t.map:6: expected 2 map rows but the input ended after 1
        extra row                 | 'type octile\\nheight 2\\nwidth 3\\nmap\\n...\\n...\\n...\\n' | t.map:7: unexpected content after the 2 map rows: '...'
        extra row after blank     | 'type octile\\nheight 2\\nwidth 3\\nmap\\n...\\n...\\n\\nx\\n' | t.map:8: unexpected content after the 2 map rows: 'x'
        blank line inside rows    | 'type octile\\nheight 2\\nwidth 3\\nmap\\n...\\n\\n...\\n'    | t.map:6: map row 1 has 0 characters, expected 3
        """)
    void rejectsMalformedInputWithLineNumber(final String description, final String escaped, final String message)
    {
        final String text = escaped.replace("\\n", "\n");

        assertThatThrownBy(() -> TestMaps.parse("t.map", text))
            .isInstanceOf(MapFormatException.class)
            .hasMessage(message);
    }

    @Test
    void exceptionCarriesItsParts()
    {
        assertThatThrownBy(() -> TestMaps.parse("src.map", HEADER_3X2 + "...\n"))
            .isInstanceOfSatisfying(MapFormatException.class, e ->
            {
                assertThat(e.source()).isEqualTo("src.map");
                assertThat(e.line()).isEqualTo(6);
                assertThat(e.problem()).isEqualTo("expected 2 map rows but the input ended after 1");
            });
    }

    @Test
    void messageStaysOneLineAndShortForHostileContent()
    {
        final String junk = "\u0001".repeat(10) + "x".repeat(100);

        assertThatThrownBy(() -> TestMaps.parse("t.map", junk + "\n"))
            .isInstanceOf(MapFormatException.class)
            .hasMessage("t.map:1: expected 'type octile' but found '??????????" + "x".repeat(30) + "...'");
    }
}
