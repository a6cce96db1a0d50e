// Creates a benchmark topic on the embedded broker (auto-create is off) and prints the partition
// count of the events topic for comparison. Usage: java -cp <kafka-clients...> CreateTopic BOOTSTRAP TOPIC PARTITIONS [EVENTS_TOPIC]
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

public class CreateTopic {
    public static void main(String[] a) throws Exception {
        try (var admin = Admin.create(Map.of("bootstrap.servers", a[0]))) {
            try {
                admin.createTopics(List.of(new NewTopic(a[1], Integer.parseInt(a[2]), (short) 1))).all().get();
                System.out.println("created topic " + a[1] + " with " + a[2] + " partitions");
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) throw e;
                System.out.println("topic " + a[1] + " exists");
            }
            var names = admin.listTopics().names().get();
            System.out.println("topics: " + names);
            for (var t : names) {
                var d = admin.describeTopics(List.of(t)).allTopicNames().get().get(t);
                System.out.println("  " + t + ": " + d.partitions().size() + " partitions");
            }
        }
    }
}
