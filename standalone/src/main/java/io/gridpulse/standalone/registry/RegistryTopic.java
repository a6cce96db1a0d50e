package io.gridpulse.standalone.registry;

import io.gridpulse.model.registry.HouseholdRegistration;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The household registry as the stream jobs read it: a compacted Kafka topic keyed by household id whose
 * values are {@link HouseholdRegistration} JSON, so that the newest entry of every household is kept for
 * ever and a job started from scratch reads the whole registry. One partition: a county's few hundred
 * thousand households are read in seconds.
 */
public final class RegistryTopic {
    private RegistryTopic() {}

    /** Creates the compacted topic if it does not exist yet. */
    public static void create(String bootstrap, String topic) {
        try (var admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1)
                    .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT))))
                    .all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("could not create the registry topic " + topic + ": " + e.getCause().getMessage(), e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating the registry topic " + topic, e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("the broker did not create the registry topic " + topic + " within 30 s", e);
        }
    }

    /**
     * Publishes these entries, each keyed by its household id, and waits until the broker has them all.
     *
     * @return how many were published
     * @throws IllegalStateException if the broker refused any of them
     */
    public static int publish(String bootstrap, String topic, Collection<HouseholdRegistration> entries) {
        var failure = new AtomicReference<Exception>();
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.BATCH_SIZE_CONFIG, 262_144,
                ProducerConfig.LINGER_MS_CONFIG, 20,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4"), new StringSerializer(), new ByteArraySerializer())) {
            for (var entry : entries) {
                producer.send(new ProducerRecord<>(topic, null, entry.asOf().toEpochMilli(), entry.householdId(), entry.toJson()),
                        (metadata, e) -> {
                            if (e != null) {
                                failure.compareAndSet(null, e);
                            }
                        });
            }
            producer.flush();
        }
        if (failure.get() != null) {
            throw new IllegalStateException("the registry topic " + topic + " refused entries: " + failure.get().getMessage(),
                    failure.get());
        }
        return entries.size();
    }
}
