package io.hytrix.engine.util;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LongIntMapTest
{
    @Test
    void behavesLikeAHashMapUnderRandomPutsAndRemoves()
    {
        final long seed = 20261127L;
        final Random random = new Random(seed);
        final LongIntMap map = new LongIntMap(512);
        final Map<Long, Integer> model = new HashMap<>();
        final List<Long> keys = new ArrayList<>();
        for (int step = 0; step < 200_000; step++)
        {
            // Few distinct keys in a small table: long clusters, so backward shifts wrap and cross.
            final long key = random.nextInt(8) == 0 ? random.nextLong() : random.nextInt(600) - 300;
            final int op = random.nextInt(3);
            if (op == 0 && model.size() < 512)
            {
                final int value = random.nextInt(Integer.MAX_VALUE);
                map.put(key, value);
                model.put(key, value);
                keys.add(key);
            }
            else if (op == 1)
            {
                final long victim = keys.isEmpty() ? key : keys.get(random.nextInt(keys.size()));
                assertThat(map.remove(victim)).as("seed %d step %d", seed, step)
                    .isEqualTo(model.containsKey(victim) ? model.remove(victim) : LongIntMap.MISSING);
            }
            else
            {
                assertThat(map.get(key)).as("seed %d step %d", seed, step).isEqualTo(model.getOrDefault(key, LongIntMap.MISSING));
            }
            assertThat(map.size()).isEqualTo(model.size());
        }
        for (final Map.Entry<Long, Integer> e : model.entrySet())
        {
            assertThat(map.get(e.getKey())).isEqualTo(e.getValue());
        }
    }

    @Test
    void zeroAndNegativeKeysAndZeroValuesAreOrdinary()
    {
        final LongIntMap map = new LongIntMap(4);
        map.put(0, 0);
        map.put(-1, 7);
        map.put(Long.MIN_VALUE, Integer.MAX_VALUE);
        assertThat(map.get(0)).isZero();
        assertThat(map.get(-1)).isEqualTo(7);
        assertThat(map.get(Long.MIN_VALUE)).isEqualTo(Integer.MAX_VALUE);
        assertThat(map.get(1)).isEqualTo(LongIntMap.MISSING);
        map.put(0, 3);
        assertThat(map.get(0)).isEqualTo(3);
        assertThat(map.size()).isEqualTo(3);
    }

    @Test
    void refusesToGoPastItsCapacity()
    {
        final LongIntMap map = new LongIntMap(4);
        for (int i = 0; i < 4; i++)
        {
            map.put(i, i);
        }
        assertThatThrownBy(() -> map.put(99, 1)).hasMessageContaining("over capacity");
    }
}
