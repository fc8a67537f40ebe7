package io.hytrix.cli.paths;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MovingAiScenarioFileTest
{
    private static MovingAiScenarioFile parse(final String text) throws IOException
    {
        return MovingAiScenarioFile.parse("t.scen", new BufferedReader(new StringReader(text)));
    }

    @Test
    void readsEveryField() throws Exception
    {
        final MovingAiScenarioFile scen = parse("version 1\r\n"
            + "0\tarena.map\t49\t49\t19\t26\t19\t29\t3.00000000\r\n"
            + "\n"
            + "7\tarena.map\t49\t49\t1\t2\t3\t4\t2.41421356\n");

        assertThat(scen.size()).isEqualTo(2);
        assertThat(scen.line(0)).isEqualTo(2);
        assertThat(scen.line(1)).isEqualTo(4);
        assertThat(scen.bucket(1)).isEqualTo(7);
        assertThat(scen.mapName(1)).isEqualTo("arena.map");
        assertThat(scen.mapWidth(1)).isEqualTo(49);
        assertThat(scen.mapHeight(1)).isEqualTo(49);
        assertThat(scen.startX(1)).isEqualTo(1);
        assertThat(scen.startY(1)).isEqualTo(2);
        assertThat(scen.goalX(1)).isEqualTo(3);
        assertThat(scen.goalY(1)).isEqualTo(4);
        assertThat(scen.optimalLength(1)).isEqualTo(2.41421356);
    }

    @Test
    void readsAShippedFile()
    {
        final MovingAiScenarioFile scen = MovingAiScenarioFile.read(ProjectMaps.file("maze512-1-0.map.scen"));

        assertThat(scen.size()).isEqualTo(12120);
        assertThat(scen.source()).endsWith("maze512-1-0.map.scen");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        empty file       | ''                                              | t.scen:1: expected 'version 1' but the file is empty
        wrong version    | 'version 2\\n'                                  | t.scen:1: expected 'version 1' but found 'version 2'
        too few fields   | 'version 1\\n0\\tarena.map\\t49\\t49\\t1\\t1\\t2\\n' | t.scen:2: expected 9 tab-separated fields (bucket, map, width, height, startx, starty, goalx, goaly, optimal_length) but found 7: '0\\tarena.map\\t49\\t49\\t1\\t1\\t2'
        bad number       | 'version 1\\n\\n0\\tm\\t49\\t49\\tx\\t1\\t2\\t2\\t1\\n' | t.scen:3: field 5 (startx) must be a non-negative integer but is 'x'
        negative         | 'version 1\\n0\\tm\\t49\\t49\\t1\\t-1\\t2\\t2\\t1\\n'   | t.scen:2: field 6 (starty) must be a non-negative integer but is '-1'
        no map name      | 'version 1\\n0\\t\\t49\\t49\\t1\\t1\\t2\\t2\\t1\\n'     | t.scen:2: field 2 (map) is empty
        outside map      | 'version 1\\n0\\tm\\t49\\t49\\t1\\t1\\t49\\t2\\t1\\n'   | t.scen:2: goal (49,2) is outside the 49x49 map
        bad length       | 'version 1\\n0\\tm\\t49\\t49\\t1\\t1\\t2\\t2\\tNaN\\n'  | t.scen:2: field 9 (optimal_length) must be a non-negative decimal but is 'NaN'
        negative length  | 'version 1\\n0\\tm\\t49\\t49\\t1\\t1\\t2\\t2\\t-1.0\\n' | t.scen:2: field 9 (optimal_length) must be a non-negative decimal but is '-1.0'
        """)
    void rejectsMalformedLinesWithFileAndLine(final String description, final String escaped, final String message)
    {
        final String text = escaped.replace("\\n", "\n").replace("\\t", "\t");

        assertThatThrownBy(() -> parse(text))
            .isInstanceOf(MovingAiScenarioException.class)
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage(message);
    }
}
