package dev.kefu.bench;

import java.net.http.HttpClient;
import java.nio.file.Path;

/**
 * Entry point of the bench; bench/run.sh calls it once per step:
 * <ul>
 * <li>{@code seed --db-url U}: add bench agents to a stopped Kefu's database ({@link BenchAgents});</li>
 * <li>{@code insert}: the PostgreSQL one-row insert baseline;</li>
 * <li>{@code commit-cost}: Kefu's message transaction on an H2 file, per H2 write mode ({@link CommitCost});</li>
 * <li>{@code echo --url U --pid P}: idle and throughput against the echo server;</li>
 * <li>{@code kefu --url U --pid P}: idle, throughput and burst against Kefu; {@code --scenarios login-flood}: chat
 * latency beside a flood of bogus logins ({@link LoginFloodScenario}); {@code --scenarios webhooks}: webhook
 * fan-out latency and the drain after a receiver outage ({@link WebhookScenario});</li>
 * <li>{@code assistant --url U --pid P --entries N}: the virtual assistant's answer latency ({@link AssistantScenario});</li>
 * <li>{@code report}: the results file as the Markdown tables of docs/benchmarks.md.</li>
 * </ul>
 * Figures are appended to {@code --out} (default bench/results.txt), their keys prefixed with {@code --scope}.
 */
public final class LoadGenerator {

	private LoadGenerator() {
	}

	public static void main(String[] argv) throws Exception {
		if (argv.length == 0) {
			throw new IllegalArgumentException("usage: seed|insert|commit-cost|echo|kefu|assistant|report [--name value]...");
		}
		String command = argv[0];
		Args args = new Args(java.util.Arrays.copyOfRange(argv, 1, argv.length));
		Results results = new Results(Path.of(args.get("out", "bench/results.txt")), args.get("scope", command));
		switch (command) {
			case "seed" -> BenchAgents.seed(args);
			case "insert" -> InsertBaseline.run(args, results);
			case "commit-cost" -> CommitCost.run(args, results);
			case "echo", "kefu" -> drive(command, args, results);
			case "assistant" -> AssistantScenario.run(args, results);
			case "report" -> System.out.print(Report.markdown(Results.read(Path.of(args.get("out", "bench/results.txt")))));
			default -> throw new IllegalArgumentException("unknown command " + command);
		}
		System.exit(0);
	}

	private static void drive(String target, Args args, Results results) throws Exception {
		String url = args.require("url");
		ServerProbe server = new ServerProbe(Long.parseLong(args.require("pid")), args.get("jcmd", "jcmd"));
		Clients clients = new Clients(url, args.getInt("clients", 8), args.getInt("source-addresses", 4));
		KefuApi api = new KefuApi(HttpClient.newHttpClient(), url);
		String scenarios = args.get("scenarios", "idle,throughput,burst");
		if (scenarios.contains("idle")) {
			IdleScenario.run(args, results, target, server, clients, api);
		}
		if (scenarios.contains("throughput") && target.equals("echo")) {
			EchoThroughput.run(args, results, server, clients);
		}
		// The burst needs the throughput scenario's agents online (and, with "throughput", their chats running).
		if ((scenarios.contains("throughput") || scenarios.contains("burst")) && target.equals("kefu")) {
			ThroughputScenario throughput = new ThroughputScenario(args, results, server, clients, api);
			if (scenarios.contains("throughput")) {
				throughput.run();
			}
			if (scenarios.contains("burst")) {
				BurstScenario.run(args, results, clients, api, throughput.desk, server);
			}
			throughput.desk.close();
		}
		else if (scenarios.contains("login-flood") && target.equals("kefu")) {
			ThroughputScenario chats = new ThroughputScenario(args, results, server, clients, api);
			LoginFloodScenario.run(args, results, chats, url);
			chats.desk.close();
		}
		else if (scenarios.contains("webhooks") && target.equals("kefu")) {
			ThroughputScenario chats = new ThroughputScenario(args, results, server, clients, api);
			WebhookScenario.run(args, results, chats, api);
			chats.desk.close();
		}
	}
}
