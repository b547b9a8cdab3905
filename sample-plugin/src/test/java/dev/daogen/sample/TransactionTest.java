package dev.daogen.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.daogen.dao.DaoException;
import dev.daogen.dao.ErrorCode;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** db.transaction: DAO calls commit together, roll back together, and nested transactions join. */
class TransactionTest {
  private final Fixtures f = new Fixtures();

  @Test
  void severalCallsCommitTogether() {
    Consumer amy = f.consumer("amy");
    Consumer bob = f.db.transaction(tx -> {
      Consumer c = tx.dao(ConsumerDao.class).insert(new ConsumerDraft().username("bob"));
      f.credentials.insert(new KeyAuthCredentialDraft().consumer(c.id()).key("k"));
      f.consumers.update(amy.id(), new ConsumerPatch().customId("amy-1"));
      f.groups.upsert(c.id(), "g", new GroupMembershipDraft().priority(1L));
      assertEquals(c, f.consumers.select(c.id()).orElseThrow(), "reads inside see the transaction's writes");
      assertEquals(0, Fixtures.rows("keyauth_credentials") + Fixtures.rows("group_memberships"),
          "not committed yet: other connections do not see it");
      return c;
    });
    assertEquals(bob, f.consumers.selectByUsername("bob").orElseThrow());
    assertEquals(bob.id(), f.credentials.selectByKey("k").orElseThrow().consumer());
    assertEquals("amy-1", f.consumers.select(amy.id()).orElseThrow().customId());
    assertEquals(1, f.groups.count());
  }

  @Test
  void workIsInvisibleToOtherConnectionsUntilCommit() {
    f.db.transaction(tx -> {
      f.consumer("bob");
      assertEquals(1, f.consumers.count());
      assertEquals(0, Fixtures.rows("consumers"), "another connection sees nothing before the commit");
      return null;
    });
    assertEquals(1, Fixtures.rows("consumers"));
  }

  @Test
  void anExceptionRollsEverythingBack() {
    Consumer amy = f.consumer("amy");
    Map<String, String> before = Fixtures.snapshot();
    IllegalStateException boom = new IllegalStateException("boom");
    IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> f.db.transaction(tx -> {
      Consumer c = f.consumer("bob");
      f.credentials.insert(new KeyAuthCredentialDraft().consumer(c.id()));
      f.consumers.update(amy.id(), new ConsumerPatch().customId("changed"));
      f.consumers.upsert(amy.id(), new ConsumerDraft().username("amy2"));
      assertTrue(f.consumers.delete(amy.id()));
      throw boom;
    }));
    assertSame(boom, thrown);
    assertEquals(before, Fixtures.snapshot());
    assertEquals(amy, f.consumers.select(amy.id()).orElseThrow());
  }

  @Test
  void aDaoErrorInsideRollsBackTheEarlierCalls() {
    f.consumer("bob");
    Map<String, String> before = Fixtures.snapshot();
    DaoException e = assertThrows(DaoException.class, () -> f.db.transaction(tx -> {
      f.consumer("amy");
      f.consumer("bob");
      return null;
    }));
    assertEquals(ErrorCode.UNIQUE_VIOLATION, e.code());
    Fixtures.assertNoSql(e);
    assertEquals(before, Fixtures.snapshot());
  }

  @Test
  void aCheckedExceptionIsWrappedAndRollsBack() {
    IOException io = new IOException("disk");
    RuntimeException e = assertThrows(RuntimeException.class, () -> f.db.transaction(tx -> {
      f.consumer("bob");
      throw io;
    }));
    assertSame(io, e.getCause());
    assertEquals(0, Fixtures.rows("consumers"));
  }

  @Test
  void aNestedTransactionJoinsTheOuterOne() {
    RuntimeException outerFailure = new RuntimeException("outer");
    assertThrows(RuntimeException.class, () -> f.db.transaction(tx -> {
      f.consumer("outer");
      tx.transaction(inner -> f.consumer("inner"));
      assertEquals(0, Fixtures.rows("consumers"), "the inner transaction did not commit on its own");
      assertEquals(2, f.consumers.count());
      throw outerFailure;
    }));
    assertEquals(0, Fixtures.rows("consumers"), "the outer rollback undoes the inner work");

    f.db.transaction(tx -> f.db.transaction(inner -> f.consumer("nested")));
    assertTrue(f.consumers.selectByUsername("nested").isPresent());
  }

  @Test
  void anInnerFailureRollsBackTheWholeTransaction() {
    RuntimeException e = assertThrows(RuntimeException.class, () -> f.db.transaction(tx -> {
      f.consumer("outer");
      return tx.transaction(inner -> {
        f.consumer("inner");
        throw new IllegalArgumentException("inner");
      });
    }));
    assertInstanceOf(IllegalArgumentException.class, e);
    assertEquals(0, Fixtures.rows("consumers"));
  }

  @Test
  void theConnectionIsReleasedAfterATransaction() {
    for (int i = 0; i < 3; i++) {
      assertThrows(RuntimeException.class, () -> f.db.transaction(tx -> {
        f.consumer("x");
        throw new RuntimeException();
      }));
    }
    f.consumer("after");
    assertFalse(f.db.connections().inTransaction());
    assertEquals(1, Fixtures.rows("consumers"), "autocommit again outside transactions");
  }
}
