package dev.daogen.sample;

import dev.daogen.dao.DaoException;
import dev.daogen.dao.Page;
import dev.daogen.db.Database;
import java.io.PrintStream;
import java.util.Set;

/** A walk through the generated DAOs, printing each call and its result. */
final class Demo {
  private final Database db;
  private final PrintStream out;

  Demo(Database db, PrintStream out) {
    this.db = db;
    this.out = out;
  }

  void run() {
    ConsumerDao consumers = db.dao(ConsumerDao.class);
    KeyAuthCredentialDao credentials = db.dao(KeyAuthCredentialDao.class);
    String name = "demo-" + Long.toString(System.nanoTime(), 36);

    Consumer consumer = consumers.insert(new ConsumerDraft().username(name).tags(Set.of("demo")));
    show("consumers.insert(username=" + name + ")", consumer);
    KeyAuthCredential key = credentials.insert(new KeyAuthCredentialDraft().consumer(consumer.id()));
    show("credentials.insert(consumer=" + consumer.id() + ")  // key generated", key);
    show("credentials.selectByKey(key)", credentials.selectByKey(key.key()).orElseThrow());
    show("credentials.cacheKey(key)", credentials.cacheKey(key));
    Page<KeyAuthCredential> page = credentials.pageForConsumer(consumer.id(), 10, null);
    show("credentials.pageForConsumer(id, 10, null)", page.data().size() + " row(s), next offset " + page.offset());
    show("consumers.update(id, customId=…)",
        consumers.update(consumer.id(), new ConsumerPatch().customId(name + "-custom")));
    try {
      consumers.insert(new ConsumerDraft().username(name));
    } catch (DaoException e) {
      show("consumers.insert(same username)", e.code() + ": " + e.getMessage());
    }
    try {
      consumers.insert(new ConsumerDraft());
    } catch (DaoException e) {
      show("consumers.insert(nothing)", e.code() + ": " + e.getMessage() + " " + e.fields());
    }
    show("consumers.delete(id)  // cascades to the credential", consumers.delete(consumer.id()));
    show("credentials.selectByKey(key)", credentials.selectByKey(key.key()));
  }

  private void show(String call, Object result) {
    out.println(call);
    out.println("  → " + result);
  }
}
