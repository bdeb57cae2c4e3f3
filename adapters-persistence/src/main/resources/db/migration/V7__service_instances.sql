-- The service instances running against this database, by their last heartbeat.
CREATE TABLE service_instances (
    instance_id  VARCHAR(64)  NOT NULL,
    seen_at      DATETIME(6)  NOT NULL,
    PRIMARY KEY (instance_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
