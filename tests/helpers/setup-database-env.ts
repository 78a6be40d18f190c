declare const CAMPAIGNS_TEST_DATABASE: string;

// Each integration project runs the same files against its own database server.
process.env.CAMPAIGNS_TEST_DATABASE = CAMPAIGNS_TEST_DATABASE;
