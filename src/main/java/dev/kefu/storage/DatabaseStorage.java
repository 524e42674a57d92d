package dev.kefu.storage;


import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** For a cluster: files in the database all nodes share, so any node serves a file uploaded through another. */
@Component
class DatabaseStorage implements FileStoreFactory {

	static final String ID = "database";

	private final JdbcClient jdbc;
	private final TransactionTemplate transactions;
	private final FileSystemStorage dataFolder;

	DatabaseStorage(JdbcClient jdbc, PlatformTransactionManager transactionManager, FileSystemStorage dataFolder) {
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactionManager);
		this.dataFolder = dataFolder;
	}

	@Override
	public String id() {
		return ID;
	}

	@Override
	public FileStore create(String area) {
		return new DatabaseFileStore(area, jdbc, transactions, dataFolder.create(area));
	}
}
