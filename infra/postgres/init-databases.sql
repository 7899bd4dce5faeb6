-- docker-compose: one database per service, all owned by the "sync" role the services log in with.
CREATE DATABASE job_api OWNER sync;
CREATE DATABASE scheduler OWNER sync;
CREATE DATABASE change_detector OWNER sync;
CREATE DATABASE provisioner OWNER sync;
CREATE DATABASE schema_service OWNER sync;
